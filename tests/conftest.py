import os

# Tests never need a display: Qt draws into memory.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
