"""The citizen's ratings of a dossier's handling (Circular 01/2018 Art. 13) and SIPAS-style survey
campaigns."""
