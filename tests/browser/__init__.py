"""Browser tests: Playwright driving Debian's Chromium (every test is marked `browser`)."""
