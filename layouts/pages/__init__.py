"""The pages, each a module with `layout(ctx) -> component`; `layouts.registry` lists them
with their paths."""
