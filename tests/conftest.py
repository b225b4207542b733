"""Shared fixtures. Feature-specific fixtures live in each feature's test file."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def lang():
    from warta.lang import load_lang

    return load_lang("id")


@pytest.fixture(scope="session")
def codebook():
    from warta.codebook import Codebook

    return Codebook.load()


@pytest.fixture(scope="session")
def coder():
    """One loaded Coder for the whole session (loading all language data takes seconds)."""
    from warta.pipeline import Coder

    return Coder.load()


@pytest.fixture(scope="session")
def resolver():
    """One loaded ActorResolver for the actor, coref and actor-data tests."""
    from warta.actors import ActorResolver

    return ActorResolver.load()
