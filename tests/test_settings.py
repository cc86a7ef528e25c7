"""Configuration from the environment, and the README documenting every setting."""
from pathlib import Path

from dashboard.settings import Settings, documented_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_default_database_is_sqlite_under_the_instance_folder_not_the_source_tree(tmp_path):
    settings = Settings.from_env({"TERRITOIRES_INSTANCE": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'territoires.sqlite3'}"
    assert settings.redis_url is None


def test_environment_overrides_every_setting():
    settings = Settings.from_env({"DATABASE_URL": "postgresql://u@h/db",
                                  "REDIS_URL": "redis://127.0.0.1:6379/0",
                                  "SECRET_KEY": "s3cret", "CACHE_TIMEOUT": "60",
                                  "LOAD_DEMO_IF_EMPTY": "false", "SECURE_COOKIES": "true",
                                  "PROXY_COUNT": "1"})
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.secret_key == "s3cret"
    assert settings.cache_timeout == 60
    assert settings.load_demo_if_empty is False
    assert settings.secure_cookies is True and settings.cookies_secure
    assert settings.proxy_count == 1


def test_readme_documents_every_setting():
    text = README.read_text(encoding="utf-8")
    for env, _help in documented_settings():
        assert f"`{env}`" in text, env
