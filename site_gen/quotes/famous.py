"""Common names of well-known figures and organisations of US politics and news (2016 era).

News style gives a well-known figure's full formal name ("Donald J. Trump", "Michael R. Pence",
"James E. Clyburn"); a speaker page uses the name readers know ("Donald Trump", "Mike Pence",
"Jim Clyburn"). For everybody else the canonicaliser keeps the fullest name the archive uses.
Each entry is the canonical name, then other forms ("|"-separated) that mean the same figure:
formal given names, nicknames, acronyms. Forms are compared as ``speakers.norm_tokens`` sees
them (casefolded, titles and middle initials dropped).
"""

from __future__ import annotations

PEOPLE = """
Donald Trump | Donald John Trump
Donald Trump Jr.
Ivanka Trump
Eric Trump
Melania Trump
Hillary Clinton | Hillary Rodham Clinton
Bill Clinton | William Clinton | William Jefferson Clinton
Chelsea Clinton
Barack Obama | Barack Hussein Obama
Michelle Obama
Joseph R. Biden Jr. | Joe Biden | Joseph Biden | Joseph R. Biden
Mike Pence | Michael Pence
Tim Kaine | Timothy Kaine
James Comey | Jim Comey | James Comey Jr.
Loretta Lynch
John D. Podesta | John Podesta
Robby Mook | Robert Mook
Huma Abedin
Anthony Weiner
Jennifer Palmieri
Brian Fallon
Donna Brazile
Debbie Wasserman Schultz
Kellyanne Conway
Reince Priebus
Steve Bannon | Stephen Bannon
Corey Lewandowski
Rudy Giuliani | Rudolph Giuliani
Chris Christie | Christopher Christie
Newt Gingrich | Newton Gingrich
Ben Carson | Benjamin Carson
Michael Flynn | Mike Flynn
Paul Ryan
Mitch McConnell | Addison Mitchell McConnell
Nancy Pelosi
Harry Reid
Chuck Schumer | Charles Schumer
Jim Clyburn | James Clyburn
Adam Schiff
Elizabeth Warren
Bernie Sanders | Bernard Sanders
Ted Cruz | Rafael Cruz
Marco Rubio
John Kasich
Jeb Bush | John Ellis Bush
George W. Bush
Mitt Romney | Willard Romney
John McCain
John Kerry
Gary Johnson
Jill Stein
Evan McMullin
Julian Assange
Vladimir Putin
John Stumpf
"""

ORGANISATIONS = """
Associated Press | AP
New York Times | Times | NYT
Washington Post | Post
Wall Street Journal | WSJ
Republican National Committee | RNC
Democratic National Committee | DNC
FBI | Federal Bureau of Investigation
Justice Department | Department of Justice | DOJ
State Department | Department of State
RT | Russia Today
WikiLeaks
"""


def entries() -> list[tuple[str, tuple[str, ...]]]:
    """(canonical name, every form) for each well-known person and organisation."""
    out = []
    for line in (PEOPLE + ORGANISATIONS).splitlines():
        forms = tuple(f.strip() for f in line.split("|") if f.strip())
        if forms:
            out.append((forms[0], forms))
    return out


# Descriptions that in 2016 US political news meant one well-known figure ("the Republican
# nominee" -> Donald Trump). Matched against the whole description, lowercased, without its
# determiner. Roles change hands, so a description resolves only to a figure the article itself
# names (an article of another year naming neither gets no guess); a description listing several
# figures ("the candidate") means the one of them the article mentioned last.
# NOMINEE stands for the nouns of a candidacy.
ROLES = r"""
(?:republican|gop)(?: party)?(?: presidential)? NOMINEE = Donald Trump
(?:new york |manhattan )?(?:mogul|billionaire|tycoon)(?: businessman)? = Donald Trump
real[- ]estate (?:mogul|billionaire|tycoon|developer) = Donald Trump
(?:celebrity |billionaire )?businessman|reality[- ](?:tv|television) star = Donald Trump
democratic(?: party)?(?: presidential)? NOMINEE = Hillary Clinton
former secretary of state|former first lady|former new york senator = Hillary Clinton
first lady = Michelle Obama
former president|42nd president = Bill Clinton
president|44th president|commander in chief = Barack Obama
vice president = Joseph R. Biden Jr.
(?:republican |gop )?vice[- ]presidential (?:nominee|candidate)|indiana governor = Mike Pence
governor of indiana = Mike Pence
democratic vice[- ]presidential (?:nominee|candidate)|virginia senator = Tim Kaine
running mate = Mike Pence|Tim Kaine
(?:fbi|f\.b\.i\.) director|director of the (?:fbi|f\.b\.i\.)|bureau director = James Comey
attorney general = Loretta Lynch
(?:house )?speaker(?: of the house)? = Paul Ryan
(?:senate )?majority leader = Mitch McConnell
wikileaks founder|founder of wikileaks = Julian Assange
(?:presidential )?(?:candidate|nominee)|(?:presidential )?contender = Donald Trump|Hillary Clinton
"""


_NOMINEE = r"(?:nominee|candidate|standard[- ]bearer|front-?runner|hopeful)"


def roles() -> list[tuple[str, tuple[str, ...]]]:
    """(pattern, figures) for each description in ``ROLES``."""
    out = []
    for line in ROLES.strip().splitlines():
        pattern, _, who = line.rpartition(" = ")
        out.append((pattern.replace("NOMINEE", _NOMINEE), tuple(who.split("|"))))
    return out
