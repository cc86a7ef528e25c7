"""Views: what each page section shows, built by plain typed functions (a profile or a
page's parameters, the reference and the language in; a `views.common.View` — body, title,
source line, CSV rows — out). The pages' lazy sections call them through `callbacks/`, and so
can the debate slides and a printable report: nothing here knows about callbacks, requests
or the browser."""
