import pytest

from meetings.extraction import KBActor, KBAlias, KnowledgeBase
from meetings.reference import countries


def _states():
    return [
        KBActor(
            id=f"state:{c.code}",
            name=c.name,
            kind="state",
            country=c.code,
            aliases=tuple(KBAlias(a) for a in c.aliases),
        )
        for c in countries()
    ]


@pytest.fixture(scope="session")
def state_actors():
    """The state actors of a fresh database, for tests that add people of their own."""
    return _states()


@pytest.fixture(scope="session")
def empty_kb():
    """Only the state actors, as a fresh database would have them."""
    return KnowledgeBase(_states())


@pytest.fixture(scope="session")
def kb():
    """States plus a few people and an agency, written for these tests."""
    people = [
        KBActor(
            id=101,
            name="Vladimir Putin",
            kind="person",
            country="RU",
            aliases=(
                KBAlias("Putin"),
                KBAlias(
                    "the Russian president",
                    is_role=True,
                    valid_from=__import__("datetime").date(2012, 5, 7),
                ),
            ),
        ),
        KBActor(
            id=102,
            name="Xinhua",
            kind="organization",
            country="CN",
            aliases=(KBAlias("Xinhua news agency"),),
        ),
        KBActor(id=103, name="Li Qiang", kind="person", country="CN", aliases=(KBAlias("Li"),)),
        KBActor(id=104, name="Li Hui", kind="person", country="CN", aliases=(KBAlias("Li"),)),
    ]
    return KnowledgeBase(_states() + people)
