"""Names across scripts: Vietnamese to Arabic transliteration and consonant skeletons."""
