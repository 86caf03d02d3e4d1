"""Common given names by usual gender (general knowledge, not from any evaluation data).

Used for two things only: recognising that a capitalised pair is a person ("Hope Calloway"), and
resolving "he"/"she" to a gender-compatible earlier speaker. Unknown names stay gender-neutral.
"""

from __future__ import annotations

MALE = frozenset(
    """aaron abdul abdullah abe abraham adam adrian ahmad ahmed al alan albert alberto alex
    alexander alfred ali allen alvin amir andre andrew andy angel angelo anthony antonio
    arnold arthur ashton austin barack barry ben benjamin bennie bernard bernie bill billy
    bob bobby brad bradley brandon brendan brent brett brian bruce bryan bud buddy burt
    byron calvin cameron carl carlos carson cecil chad charles charlie chris christian
    christopher chuck clarence clark claude clay clayton clifford clint clinton clyde cody
    colin connor corey cory craig curt curtis dale dan daniel danny darrell darren dave
    david dean dennis derek devin dick don donald doug douglas duane dustin dwight earl ed
    eddie edgar edward edwin elijah elliott emmanuel eric erik ernest ethan eugene evan
    francis francisco frank franklin fred frederick gabriel gary gavin gene geoffrey george
    gerald gilbert glenn gordon graham grant greg gregory guy hamid harold harrison harry
    harvey hassan hector henry herbert herman howard hugh hunter ian isaac ismail ivan jack
    jackson jacob jaime jake james jamie jared jason javier jay jeb jeff jeffrey jeremy
    jerome jerry jesse jesus jim jimmy joe joel joey john johnny jon jonathan jordan jorge
    jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kirk kurt kyle
    lamar lance larry lawrence lee leo leon leonard leroy lewis lindsey lloyd louis luis
    luke lyndon malcolm manuel marc marco marcus mario mark marshall martin marvin mathew
    matt matthew maurice max melvin michael miguel mike milton mitch mitchell mitt mohamed
    mohammad mohammed muhammad nathan nathaniel neil nelson newt nicholas nick noah norman
    oliver omar oscar otis owen pablo patrick paul pedro perry pete peter phil philip
    phillip ralph ramon randall randy ray raymond reggie reginald reince ricardo richard
    rick rickey ricky rob robert roberto rod rodney roger roland ron ronald ross roy ruben
    rudy rudolph russell ryan salvador sam samuel scott sean sergio seth shane shawn sidney
    stan stanley stephen steve steven stuart ted terrence terry theodore thomas tim timothy
    todd tom tommy tony travis trent trey troy tyler vernon victor vincent vladimir wade
    wallace walter warren wayne wesley willard william willie wilson xavier yusuf zachary""".split()
)

FEMALE = frozenset(
    """abby abigail ada adriana agnes aileen alice alicia alison allison alma amanda amber amy ana
    andrea angela angelina anita ann anna anne annette annie april arlene ashley audrey
    barbara beatrice becky belinda benazir bernadette beth betsy betty beverly bonnie brenda
    brianna bridget brittany brooke camille candace candice carla carmen carol caroline
    carolyn carrie cassandra catherine cathy cecilia charlene charlotte chelsea cheryl
    christie christina christine cindy claire clara claudia colleen connie constance
    courtney crystal cynthia daisy dana danielle darlene dawn debbie deborah debra delores
    denise diana diane dianne dolores donna dora doris dorothy edith edna eileen elaine
    eleanor elena elizabeth ella ellen eloise elsie emily emma erica erin esther ethel eva
    evelyn faith fatima felicia florence frances gail gayle geraldine gina gladys gloria
    grace gretchen gwen hannah harriet hazel heather heidi helen hillary holly hope huma ida
    irene iris irma jackie jacqueline jane janet janice jasmine jean jeanette jeanne
    jennifer jenny jessica jill jo joan joann joanna joanne jodi josephine joy joyce juanita
    judith judy julia julie june karen kate katherine kathleen kathryn kathy katie katrina
    kay kayla kelly kellyanne kim kimberly kristen kristin laura lauren laurie leah lena
    leslie lillian linda lisa liz loretta lori lorraine louise lucia lucy lydia lynn mabel
    madeleine madeline madison mae maggie mandy marcia margaret maria marian marie marilyn
    marion marjorie marlene marsha martha mary maureen megan meghan melania melanie melinda
    melissa mia michele michelle mildred minnie miranda miriam molly monica nancy naomi
    natalie nicole nikki nina nora norma olga olivia pam pamela patricia patsy patty paula
    pauline pearl peggy penny phyllis priscilla rachel rebecca regina renee rhonda rita
    roberta robin rosa rosalind rose rosemary ruby ruth sabrina sally samantha sandra sara
    sarah shannon sharon sheila shelley sherry shirley sonia sophia stacy stella stephanie
    sue susan suzanne sylvia tamara tammy tanya tara teresa terri thelma theresa tiffany
    tina tonya tracy ursula valerie vanessa vera veronica vicki victoria viola violet
    virginia vivian wanda wendy whitney yolanda yvonne zoe""".split()
)


def gender_of(first: str) -> str | None:
    """'m', 'f' or None for a given name."""
    f = first.lower()
    if f in MALE and f not in FEMALE:
        return "m"
    if f in FEMALE and f not in MALE:
        return "f"
    return None


def is_given_name(word: str) -> bool:
    w = word.lower()
    return w in MALE or w in FEMALE
