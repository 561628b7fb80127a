"""Every text the tool says, in English and in Vietnamese: the catalogues, and which language a run speaks."""
