"""The interface language: which one is chosen, and the Qt translators that show it.

The interface is written in English and translated into Azerbaijani (Latin script) and
Russian with Qt's tools: the catalogues' sources are `ts/<area>_<lang>.ts`, compiled into
`qm/<area>_<lang>.qm` by `build.py` (one area per part of the interface: `main`, `work`). The
corpus is never translated: titles, quotes and names from the library are shown as stored.

The language comes from `AZREL_LANGUAGE` (`en`, `az`, `ru`; for tests and screenshots), else
from Preferences (the setting `interface/language`), else from the system: Azerbaijani or
Russian when the system's locale is one of them, English otherwise. It is installed once, at
start, before the first window is made; a change in Preferences takes effect at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

HERE = Path(__file__).resolve().parent
QM_DIR = HERE / "qm"
TS_DIR = HERE / "ts"
LANGUAGES = ("az", "ru")  # the translations shipped; English is the source
CATALOGUE_LANGUAGES = ("en", *LANGUAGES)  # en: plural forms only
ENV = "AZREL_LANGUAGE"
SETTING = "interface/language"
SYSTEM = "system"
# What Preferences offers, each language named in itself (a user who cannot read the current
# interface still finds their own).
CHOICES = (
    (SYSTEM, None),
    ("en", "English"),
    ("az", "Azərbaycanca"),
    ("ru", "Русский"),
)

_installed: list[QTranslator] = []
_current: list[str] = []



def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for `pyside6-lupdate` under `context`; the caller translates it where it is
    shown (`QCoreApplication.translate(context, source)`). PySide's own is typed as returning
    `object`."""
    del context
    return source


def system_language(
locale_name: str | None = None) -> str:
    """`az` or `ru` when the system's locale is Azerbaijani or Russian, else `en`."""
    name = QLocale.system().name() if locale_name is None else locale_name
    code = name.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def resolve(setting: str | None, env: str | None = None, locale_name: str | None = None) -> str:
    """The language to show: the environment's, else the setting's, else the system's."""
    for value in (env, setting):
        value = (value or "").strip().lower()
        if value == "en" or value in LANGUAGES:
            return value
    return system_language(locale_name)


def stored_choice() -> str:
    """What Preferences holds: `system`, `en`, `az` or `ru`."""
    from ..shell.settings import settings

    value = str(settings().value(SETTING, SYSTEM) or SYSTEM)
    return value if value in {code for code, _ in CHOICES} else SYSTEM


def store_choice(value: str) -> None:
    from ..shell.settings import settings

    if value not in {code for code, _ in CHOICES}:
        raise ValueError(f"unknown interface language {value!r}")
    s = settings()
    s.setValue(SETTING, value)
    s.sync()


def chosen_language() -> str:
    return resolve(stored_choice(), os.environ.get(ENV))


def catalogues(language: str) -> list[Path]:
    """The app's compiled catalogues for `language`; English has only the plural forms of the
    texts that count something (`%n`), as Qt's English catalogues do."""
    if language not in CATALOGUE_LANGUAGES:
        return []
    return sorted(QM_DIR.glob(f"*_{language}.qm"))


def qt_catalogue(language: str) -> Path | None:
    """Qt's own translation of its dialogs and buttons (Qt ships Russian, not Azerbaijani)."""
    if language not in LANGUAGES:
        return None
    import PySide6

    # Qt's own idea of its folder, else where the PySide6 wheel (and the bundle) keeps it
    for folder in (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                   Path(PySide6.__file__).resolve().parent / "Qt" / "translations"):
        path = folder / f"qtbase_{language}.qm"
        if path.is_file():
            return path
    return None



def install(language: str | None = None, app: QCoreApplication | None = None) -> str:
    """Install the translators of `language` (default: the chosen one) into the application,
    replacing any installed before, and make its locale the default for dates and numbers.
    Returns the language installed."""
    app = app or QCoreApplication.instance()
    language = chosen_language() if language is None else language
    if language not in CATALOGUE_LANGUAGES:
        raise ValueError(f"no interface language {language!r}")
    if app is None:
        raise RuntimeError("the interface language is installed into a running QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[:] = [language]
    qt = qt_catalogue(language)
    # Later translators are asked first: the app's catalogues win over Qt's for Qt's contexts.
    for path in ([qt] if qt else []) + catalogues(language):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    # Dates and numbers the app formats itself follow the interface language; English keeps
    # the system's conventions.
    locales = {"az": "az_Latn_AZ", "ru": "ru_RU"}
    QLocale.setDefault(QLocale(locales[language]) if language in locales else QLocale.system())

    return language


def installed() -> bool:
    """Whether `install` has run in this process."""
    return bool(_current)


def installed_language() -> str:

    """The language whose translators are installed now (`en` when none are)."""
    return _current[0] if _current else "en"
