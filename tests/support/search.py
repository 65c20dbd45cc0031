"""Shared by the search tests in unit/, build/ and browser/."""

from __future__ import annotations

P4 = "principles/principle-4.html"

P7 = "principles/principle-7.html"

# (query, page, section anchor of the first result)
EXPECTED = [
    ("golden thread", P4, "why-is-responding-to-child-exploitation-and-extra-familial-harm-in-a-relationship-"
                          "and-strengths-based-way-a-practice-principle"),
    ("holistically", P4, "summary"),
    ("asset-based", P4, "what-do-we-mean-by-strengths-based-approaches"),
    ("relationship-based practice", P4, "what-do-we-mean-by-relationship-based-approaches"),
    ('"strengths-based approach to assessments"', P4, "what-difference-could-working-in-a-relationship-and-"
                                                      "strengths-based-way-make-to-responses-to-child-exploitation-"
                                                      "and-extra-familial-harm"),
    ("Innovation Programme", P4, "what-difference-could-working-in-a-relationship-and-strengths-based-way-make-to-"
                                 "responses-to-child-exploitation-and-extra-familial-harm"),
    ("Care Inquiry golden", P4, "why-is-responding-to-child-exploitation-and-extra-familial-harm-in-a-relationship-"
                                "and-strengths-based-way-a-practice-principle"),
    ("Saleebey", P4, "what-do-we-mean-by-strengths-based-approaches"),
    ("Ruch", P4, "what-do-we-mean-by-relationship-based-approaches"),
    ("trusted adult", P4, "ref-bellis2017"),
    ("shifting mindsets", P7, "what-does-approaching-parents-and-carers-as-partners-wherever-possible-mean"),
    ("online abuse", P7, "why-is-approaching-parents-and-carers-as-partners-wherever-possible-a-practice-principle"),
    ("exploiters, unsafe places", P7, "summary"),
    ("Children’s Social Care Review", P7, "what-difference-could-approaching-parents-and-carers-as-partners-"
                                         "wherever-possible-make-to-responses-to-child-exploitation-and-extra-"
                                         "familial-harm"),
    ("childrens social care review", P7, "what-difference-could-approaching-parents-and-carers-as-partners-"
                                         "wherever-possible-make-to-responses-to-child-exploitation-and-extra-"
                                         "familial-harm"),
    ("parental engagement", P7, "what-difference-could-approaching-parents-and-carers-as-partners-wherever-"
                                "possible-make-to-responses-to-child-exploitation-and-extra-familial-harm"),
    ("Firmin", P7, "why-is-approaching-parents-and-carers-as-partners-wherever-possible-a-practice-principle"),
    ("Contextual Safeguarding and child protection", P7, "ref-firmin2020"),
    ("accessibility statement", "accessibility.html", ""),
    ("clear my data", "my-learning.html", "clear-my-data"),
    ("session plans", "for-trainers.html", "session-plans"),
    ("CPD record", "my-learning.html", "your-cpd-record"),
]
