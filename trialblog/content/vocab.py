"""The registry vocabulary (ClinicalTrials.gov API v2) and what each word means to a participant."""

from __future__ import annotations

from enum import StrEnum


class Vocab(StrEnum):
    """An enum whose values are the registry's own words, with a label and an explanation."""

    label: str
    explanation: str

    def __new__(cls, value: str, label: str = "", explanation: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value.replace("_", " ").capitalize()
        member.explanation = explanation
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def allowed(cls) -> str:
        return ", ".join(m.value for m in cls)


class Status(Vocab):
    NOT_YET_RECRUITING = (
        "NOT_YET_RECRUITING",
        "Not yet recruiting",
        "The study is approved but has not started to enrol participants.",
    )
    RECRUITING = ("RECRUITING", "Recruiting", "The study is enrolling participants now.")
    ENROLLING_BY_INVITATION = (
        "ENROLLING_BY_INVITATION",
        "Enrolling by invitation",
        "Only people invited by the study team can join.",
    )
    ACTIVE_NOT_RECRUITING = (
        "ACTIVE_NOT_RECRUITING",
        "Active, not recruiting",
        "The study is running with the participants it has; nobody new can join.",
    )
    SUSPENDED = ("SUSPENDED", "Suspended", "The study has paused; it may start again.")
    TERMINATED = (
        "TERMINATED",
        "Terminated",
        "The study stopped early and will not start again.",
    )
    COMPLETED = ("COMPLETED", "Completed", "The study has ended normally.")
    WITHDRAWN = (
        "WITHDRAWN",
        "Withdrawn",
        "The study stopped before enrolling its first participant.",
    )
    UNKNOWN = (
        "UNKNOWN",
        "Unknown status",
        "The registry record has not been updated for a long time; ask the sponsor.",
    )
    AVAILABLE = ("AVAILABLE", "Available", "Expanded access: the treatment can be requested.")
    NO_LONGER_AVAILABLE = (
        "NO_LONGER_AVAILABLE",
        "No longer available",
        "Expanded access has ended.",
    )
    TEMPORARILY_NOT_AVAILABLE = (
        "TEMPORARILY_NOT_AVAILABLE",
        "Temporarily not available",
        "Expanded access is paused.",
    )
    APPROVED_FOR_MARKETING = (
        "APPROVED_FOR_MARKETING",
        "Approved for marketing",
        "The treatment has been approved and is available outside the study.",
    )
    WITHHELD = ("WITHHELD", "Withheld", "The registry is not showing this study's status.")


class Phase(Vocab):
    EARLY_PHASE1 = (
        "EARLY_PHASE1",
        "Early Phase 1",
        "A very small first study in people, often with tiny doses, to learn how the body "
        "handles the treatment. It is not meant to treat you.",
    )
    PHASE1 = (
        "PHASE1",
        "Phase 1",
        "A first test in a small group of people, usually 20 to 80, mainly to find a safe "
        "dose and the side effects.",
    )
    PHASE2 = (
        "PHASE2",
        "Phase 2",
        "A test in a few hundred people who have the condition, to see whether the treatment "
        "seems to work and to learn more about safety.",
    )
    PHASE3 = (
        "PHASE3",
        "Phase 3",
        "A large study, often hundreds to thousands of people, comparing the treatment with "
        "placebo or the usual care. Regulators base approval on studies like this.",
    )
    PHASE4 = (
        "PHASE4",
        "Phase 4",
        "A study of a treatment that is already approved, to learn more about its long-term "
        "benefits and risks.",
    )
    NA = (
        "NA",
        "No phase",
        "Phases apply to medicines; this study (a device, a procedure or behaviour, for "
        "example) does not have one.",
    )


class StudyType(Vocab):
    INTERVENTIONAL = (
        "INTERVENTIONAL",
        "Interventional",
        "Participants receive a treatment or procedure chosen by the study plan.",
    )
    OBSERVATIONAL = (
        "OBSERVATIONAL",
        "Observational",
        "Researchers observe participants' usual care; the study does not assign a treatment.",
    )
    EXPANDED_ACCESS = (
        "EXPANDED_ACCESS",
        "Expanded access",
        "A way for people who cannot join a trial to request an investigational treatment.",
    )


class Allocation(Vocab):
    RANDOMIZED = (
        "RANDOMIZED",
        "Randomized",
        "Chance, not you or your doctor, decides which group you are in.",
    )
    NON_RANDOMIZED = (
        "NON_RANDOMIZED",
        "Not randomized",
        "Groups are assigned by a rule (such as the order of joining), not by chance.",
    )
    NA = ("NA", "Single group", "Everyone in the study receives the same treatment.")


class Masking(Vocab):
    NONE = (
        "NONE",
        "Open label",
        "Everyone, including you, knows which treatment you receive.",
    )
    SINGLE = (
        "SINGLE",
        "Single-blind",
        "One party does not know which group you are in, usually you, the participant.",
    )
    DOUBLE = (
        "DOUBLE",
        "Double-blind",
        "Neither you nor the study doctors know which group you are in until the study is "
        "unblinded, so that expectations cannot colour the results.",
    )
    TRIPLE = (
        "TRIPLE",
        "Triple-blind",
        "You, the study doctors and a third party (such as the people analysing results) "
        "do not know the groups.",
    )
    QUADRUPLE = (
        "QUADRUPLE",
        "Quadruple-blind",
        "You, your care providers, the investigators and the people assessing outcomes all "
        "do not know the groups.",
    )


class WhoMasked(Vocab):
    PARTICIPANT = ("PARTICIPANT", "Participant")
    CARE_PROVIDER = ("CARE_PROVIDER", "Care provider")
    INVESTIGATOR = ("INVESTIGATOR", "Investigator")
    OUTCOMES_ASSESSOR = ("OUTCOMES_ASSESSOR", "Outcomes assessor")


class ArmType(Vocab):
    EXPERIMENTAL = ("EXPERIMENTAL", "Experimental", "Receives the treatment being studied.")
    ACTIVE_COMPARATOR = (
        "ACTIVE_COMPARATOR",
        "Active comparator",
        "Receives an existing treatment to compare against.",
    )
    PLACEBO_COMPARATOR = (
        "PLACEBO_COMPARATOR",
        "Placebo comparator",
        "Receives a placebo: something that looks the same but has no active drug.",
    )
    SHAM_COMPARATOR = (
        "SHAM_COMPARATOR",
        "Sham comparator",
        "Receives a sham procedure that looks like the real one.",
    )
    NO_INTERVENTION = ("NO_INTERVENTION", "No intervention", "Receives no study treatment.")
    OTHER = ("OTHER", "Other")


class InterventionType(Vocab):
    DRUG = ("DRUG", "Drug")
    DEVICE = ("DEVICE", "Device")
    BIOLOGICAL = ("BIOLOGICAL", "Biological")
    PROCEDURE = ("PROCEDURE", "Procedure")
    RADIATION = ("RADIATION", "Radiation")
    BEHAVIORAL = ("BEHAVIORAL", "Behavioural")
    GENETIC = ("GENETIC", "Genetic")
    DIETARY_SUPPLEMENT = ("DIETARY_SUPPLEMENT", "Dietary supplement")
    COMBINATION_PRODUCT = ("COMBINATION_PRODUCT", "Combination product")
    DIAGNOSTIC_TEST = ("DIAGNOSTIC_TEST", "Diagnostic test")
    OTHER = ("OTHER", "Other")


class Sex(Vocab):
    ALL = ("ALL", "All")
    FEMALE = ("FEMALE", "Female")
    MALE = ("MALE", "Male")


class Milestone(Vocab):
    CONSIDERING = ("considering", "Considering", "Thinking about joining.")
    CONSENT = ("consent", "Informed consent", "The consent conversation and signature.")
    SCREENING = ("screening", "Screening", "Tests to check whether I can join.")
    RANDOMIZATION = ("randomization", "Randomization", "Assigned to a group by chance.")
    DOSE = ("dose", "Dose", "Taking or receiving the study treatment.")
    VISIT = ("visit", "Study visit", "A scheduled visit or check-up.")
    SIDE_EFFECT = ("side-effect", "Side effect", "Something that happened to my body.")
    UNBLINDING = ("unblinding", "Unblinding", "Learning which group I was in.")
    COMPLETION = ("completion", "Completion", "My last study visit.")
    EXTENSION = ("extension", "Extension", "Continuing in an extension study.")
    RESULTS = ("results", "Results", "What the study found.")
    WITHDRAWAL = ("withdrawal", "Withdrawal", "Leaving the study early.")
