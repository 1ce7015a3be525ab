"""Qt's own texts the app shows, for the languages Qt ships no catalogue of (Azerbaijani).

Qt translates its standard buttons (QDialogButtonBox, QMessageBox), its text fields' context
menus and its progress dialogs through its own `qtbase_<lang>.qm`, which Qt has for Russian but
not for Azerbaijani. Listed here under Qt's contexts, they land in the `main` catalogue, whose
Azerbaijani translation is then asked before Qt's. Nothing imports this module: it is read by
`pyside6-lupdate` only.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
)
MESSAGE_BOX = (
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
)
TEXT_FIELDS = (  # the context menu of QLineEdit, QTextEdit and read-only text
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)
PROGRESS = (
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
)
FILE_DIALOG = (  # Qt's own file dialog, where the system has no native one
    QT_TRANSLATE_NOOP("QFileDialog", 'Look in:'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Back'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Forward'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Parent Directory'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Create New Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", 'List View'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Detail View'),
    QT_TRANSLATE_NOOP("QFileDialog", 'File &name:'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Files of type:'),
    QT_TRANSLATE_NOOP("QFileDialog", '&Open'),
    QT_TRANSLATE_NOOP("QFileDialog", '&Save'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Open'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Save As'),
    QT_TRANSLATE_NOOP("QFileDialog", 'New Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", '&Rename'),
    QT_TRANSLATE_NOOP("QFileDialog", '&Delete'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Show &hidden files'),
    QT_TRANSLATE_NOOP("QFileDialog", '&New Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", '&Choose'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Directory:'),
    QT_TRANSLATE_NOOP("QFileDialog", 'File Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Alias'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Shortcut'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Unknown'),
    QT_TRANSLATE_NOOP("QFileDialog", 'All Files (*)'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Directories'),
    QT_TRANSLATE_NOOP("QFileDialog", 'My Computer'),
    QT_TRANSLATE_NOOP("QFileDialog", '%1 already exists.\nDo you want to replace it?'),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_TRANSLATE_NOOP("QFileDialog", 'Recent Places'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Go back'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Go forward'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Go to the parent directory'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Create a New Folder'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Change to list view mode'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Change to detail view mode'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Sidebar'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Files'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Find Directory'),
    QT_TRANSLATE_NOOP("QFileDialog", 'Delete'),
    QT_TRANSLATE_NOOP("QFileDialog", '%1\nFile not found.\nPlease verify the correct file name was given.'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Name'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Size'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Type'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Kind'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Date Modified'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'My Computer'),
    QT_TRANSLATE_NOOP("QFileSystemModel", 'Computer'),
)
