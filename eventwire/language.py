"""Language identification (py3langid ships its model inside the package: nothing is downloaded)."""
from __future__ import annotations

from functools import lru_cache

# Below this many characters language identification is a guess: trust it as English.
MIN_CHARS = 60
# Only a confident non-English call skips extraction; mixed or noisy text stays English.
MIN_PROBABILITY = 0.90


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability). Short or uncertain text counts as English."""
    sample = text[:3000]
    if len(sample.strip()) < MIN_CHARS:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    if lang != "en" and prob < MIN_PROBABILITY:
        return "en", float(prob)
    return lang, float(prob)
