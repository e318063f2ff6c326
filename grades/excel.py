"""Opening AF's Excel files: what openpyxl raises for a file that is not a readable xlsx."""

import zipfile
from xml.etree.ElementTree import ParseError

from openpyxl.utils.exceptions import InvalidFileException

# A damaged sheet's XML raises ParseError only while its rows are read, so catch these
# around reading as well as around opening.
UNREADABLE_WORKBOOK = (InvalidFileException, zipfile.BadZipFile, KeyError, ParseError, OSError)
