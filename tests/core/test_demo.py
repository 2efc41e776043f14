"""load_demo asks every app that has demo content, in an order where the news can name offices."""

from django.apps import AppConfig, apps

from core.demo import app_demos


def test_the_directory_offers_its_demo_before_the_announcements_that_refer_to_it():
    labels = [app_config.label for app_config, _module in app_demos()]
    assert "directory" in labels and "announcements" in labels
    assert labels.index("directory") < labels.index("announcements")


def test_core_and_the_shell_offer_no_demo_of_their_own():
    labels = {app_config.label for app_config, _module in app_demos()}
    assert not labels & {"core", "melayani"}


def test_an_installed_third_party_app_with_a_demo_module_is_not_run(tmp_path, monkeypatch):
    package = tmp_path / "vendored_widgets"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "demo.py").write_text("def load(progress, options):\n    raise AssertionError('not ours')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    installed_apps = [*apps.get_app_configs(), AppConfig.create("vendored_widgets")]
    monkeypatch.setattr(apps, "get_app_configs", lambda: installed_apps)
    installed = {app_config.label for app_config in apps.get_app_configs()}
    labels = {app_config.label for app_config, _module in app_demos()}
    assert "vendored_widgets" in installed
    assert "vendored_widgets" not in labels
    assert {"directory", "announcements"} <= labels
