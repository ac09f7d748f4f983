"""Language facts as data: Vietnamese and Arabic tables, clitics, transliteration rules, normalisation."""
