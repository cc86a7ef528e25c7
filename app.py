"""Entry point: `python app.py` (first run creates and fills the embedded database) or
`gunicorn app:server`."""
from dashboard.settings import Settings
from web.factory import create_app

settings = Settings.from_env()
app = create_app(settings)
server = app.server

if __name__ == "__main__":
    from dashboard.cli import prepare_database

    prepare_database(settings, progress=True)
    app.run(host="127.0.0.1", port=8050, debug=False)
