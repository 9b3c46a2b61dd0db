import os
import subprocess
import sys

import pytest

PLACEHOLDERS = {
    "SECRET_KEY": "placeholder-for-the-deploy-check-5d1f0b9c7a2e48f6a3b1c0d9e8f7",
    "ALLOWED_HOSTS": "extranet.example.com",
    "DATABASE_URL": "sqlite:///tmp/unused.sqlite3",
    "EMAIL_BACKEND": "anymail.backends.test.EmailBackend",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "extranet.settings.production",
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(PLACEHOLDERS))
def test_production_refuses_to_start_and_names_the_missing_variable(missing):
    env = {key: value for key, value in PLACEHOLDERS.items() if key != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_with_its_variables_passes_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PLACEHOLDERS)

    assert result.returncode == 0, result.stdout + result.stderr


def test_site_speaks_argentine_spanish_by_default(settings):
    assert settings.LANGUAGE_CODE == "es-ar"
    assert settings.TIME_ZONE == "America/Argentina/Buenos_Aires"
    assert "en" in dict(settings.LANGUAGES)
