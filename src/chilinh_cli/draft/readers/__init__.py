"""Document readers: a saved web page, a PDF, a Word file or text, read into one text with where each line stands."""
