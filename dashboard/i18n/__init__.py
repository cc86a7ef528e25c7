"""What the interface says and how it writes numbers, in French and English: the bottom
of the core, importing nothing else of the project."""
