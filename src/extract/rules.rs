//! The names of the extraction rules. Every claims and control row carries the rule that
//! made it (the `rule` column), so a user can filter and count rows by why they exist and a
//! developer can see which rules never fire ([`CLAIM_RULES`], [`CONTROL_RULES`]).

/// How a claim was read from its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimRule {
    /// A kind word before the counted phrase: "killing over 100 militants", "the deaths of 49
    /// soldiers", "destroyed four tanks".
    KindBefore,
    /// A toll governs a farther figure: "the death toll rose to 24".
    Toll,
    /// A kind word after the counted phrase: "38 militants were killed", "dozens wounded".
    KindAfter,
    /// The kind word inside the phrase: "several badly damaged buildings".
    KindInside,
    /// A party's own losses: "IS lost at least 18 fighters".
    LostOwn,
    /// A count inside a toll with no kind word of its own: "including 11 children".
    Nested,
    /// A figure with no noun, counting people: "dozens had been injured".
    EllipticalPeople,
    /// A figure with no noun that counts what the claim before it counted: "with around
    /// 6,000 moving to ...".
    EllipticalPrevious,
    /// Money next to a word of loss or damage: "losses of $2m".
    MoneyLoss,
    /// A figure of strikes, raids, shells or attacks: "25 air strikes".
    CountedStrikes,
    /// A figure of combat flights: "40 sorties".
    CountedSorties,
    /// A figure of targets or positions struck: "70 IS targets".
    CountedTargets,
}

/// Every claim rule, in the order they are documented.
pub const CLAIM_RULES: &[ClaimRule] = &[
    ClaimRule::KindBefore,
    ClaimRule::Toll,
    ClaimRule::KindAfter,
    ClaimRule::KindInside,
    ClaimRule::LostOwn,
    ClaimRule::Nested,
    ClaimRule::EllipticalPeople,
    ClaimRule::EllipticalPrevious,
    ClaimRule::MoneyLoss,
    ClaimRule::CountedStrikes,
    ClaimRule::CountedSorties,
    ClaimRule::CountedTargets,
];

impl ClaimRule {
    /// The rule's name as it appears in the `rule` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimRule::KindBefore => "kind-before",
            ClaimRule::Toll => "toll",
            ClaimRule::KindAfter => "kind-after",
            ClaimRule::KindInside => "kind-inside",
            ClaimRule::LostOwn => "lost-own",
            ClaimRule::Nested => "nested-count",
            ClaimRule::EllipticalPeople => "elliptical-people",
            ClaimRule::EllipticalPrevious => "elliptical-previous",
            ClaimRule::MoneyLoss => "money-loss",
            ClaimRule::CountedStrikes => "counted-strikes",
            ClaimRule::CountedSorties => "counted-sorties",
            ClaimRule::CountedTargets => "counted-targets",
        }
    }
}

/// How a control event was read from its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlRule {
    /// A party takes a place: "the army recaptured Palmyra".
    ActiveCapture,
    /// A place taken by a party: "Palmyra was retaken by the army".
    PassiveCapture,
    /// A capture noun with its doer: "its recapture by IS", "the fall of Mosul to".
    NominalCapture,
    /// A party driven out, with no winner in the sentence: "IS was driven out of Palmyra".
    PassiveLoss,
    /// Taking a part of a place or ground near it: "captured a third of Kobani", "retakes
    /// parts of Palmyra".
    PartCapture,
    /// A party leaves: "the militants withdrew from Palmyra".
    Withdrawal,
    /// A holding noun with its holder before it: "IS strongholds", "the ISIS bastion of".
    HolderNoun,
    /// "X-held", "held by X": the holder named beside a participle.
    HeldBy,
    /// "under the control of X", "under X's control".
    UnderControl,
    /// A verb of holding with its subject: "IS controls most of the city".
    HoldVerb,
    /// A verb of advancing with its subject: "the army advanced on Palmyra".
    Advance,
    /// Clashes, fighting, a battle, siege or offensive: a row for each party named.
    Fighting,
}

/// Every control rule, in the order they are documented.
pub const CONTROL_RULES: &[ControlRule] = &[
    ControlRule::ActiveCapture,
    ControlRule::PassiveCapture,
    ControlRule::NominalCapture,
    ControlRule::PassiveLoss,
    ControlRule::PartCapture,
    ControlRule::Withdrawal,
    ControlRule::HolderNoun,
    ControlRule::HeldBy,
    ControlRule::UnderControl,
    ControlRule::HoldVerb,
    ControlRule::Advance,
    ControlRule::Fighting,
];

impl ControlRule {
    /// The rule's name as it appears in the `rule` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ControlRule::ActiveCapture => "active-capture",
            ControlRule::PassiveCapture => "passive-capture",
            ControlRule::NominalCapture => "nominal-capture",
            ControlRule::PassiveLoss => "passive-loss",
            ControlRule::PartCapture => "part-capture",
            ControlRule::Withdrawal => "withdrawal",
            ControlRule::HolderNoun => "holder-noun",
            ControlRule::HeldBy => "held-by",
            ControlRule::UnderControl => "under-control",
            ControlRule::HoldVerb => "hold-verb",
            ControlRule::Advance => "advance",
            ControlRule::Fighting => "fighting",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_names_are_unique_and_kebab_case() {
        let names: Vec<&str> = CLAIM_RULES
            .iter()
            .map(|r| r.as_str())
            .chain(CONTROL_RULES.iter().map(|r| r.as_str()))
            .collect();
        let unique: HashSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }
}
