"""Lesson content of the self-care guide (Markdown with front matter, sv/ and en/)."""
