"""Files into records: reading and parsing a data file, validating it, and laying it out as relational rows."""
