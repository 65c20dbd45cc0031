"""The seeds' section anchors as first published: they must never change (links to them are out there)."""

PINNED_ANCHORS = {
    4: [
        "summary",
        "what-do-we-mean-by-relationship-based-approaches",
        "what-do-we-mean-by-strengths-based-approaches",
        "why-is-responding-to-child-exploitation-and-extra-familial-harm-in-a-relationship-and-"
        "strengths-based-way-a-practice-principle",
        "what-difference-could-working-in-a-relationship-and-strengths-based-way-make-to-responses-"
        "to-child-exploitation-and-extra-familial-harm",
    ],
    7: [
        "summary",
        "what-does-approaching-parents-and-carers-as-partners-wherever-possible-mean",
        "why-is-approaching-parents-and-carers-as-partners-wherever-possible-a-practice-principle",
        "what-difference-could-approaching-parents-and-carers-as-partners-wherever-possible-make-to-"
        "responses-to-child-exploitation-and-extra-familial-harm",
    ],
}
