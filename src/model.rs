//! The vocabulary of the claims model as types: claim kinds, control actions and date
//! bases. Lexicon entries of type `kind` and `action` are named by these ids, and the
//! `counts` field of a unit is a kind; Rust reads them as enums, never as strings.

/// What a claim counts happened (the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Killed,
    Wounded,
    Captured,
    Displaced,
    Destroyed,
    Seized,
    Strikes,
    Sorties,
    Targets,
    Losses,
}

impl Kind {
    /// Every kind, in the model's order.
    pub const ALL: [Kind; 10] = [
        Kind::Killed,
        Kind::Wounded,
        Kind::Captured,
        Kind::Displaced,
        Kind::Destroyed,
        Kind::Seized,
        Kind::Strikes,
        Kind::Sorties,
        Kind::Targets,
        Kind::Losses,
    ];

    /// The kind's name in the model.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Killed => "killed",
            Kind::Wounded => "wounded",
            Kind::Captured => "captured",
            Kind::Displaced => "displaced",
            Kind::Destroyed => "destroyed",
            Kind::Seized => "seized",
            Kind::Strikes => "strikes",
            Kind::Sorties => "sorties",
            Kind::Targets => "targets",
            Kind::Losses => "losses",
        }
    }

    /// The kind of a model name.
    pub fn parse(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == id)
    }

    /// Kinds that count people (killed, wounded, captured, displaced).
    pub fn counts_people(self) -> bool {
        matches!(
            self,
            Kind::Killed | Kind::Wounded | Kind::Captured | Kind::Displaced
        )
    }

    /// Kinds whose actor is the party that carried them out (strikes, sorties, targets).
    pub fn carried_out(self) -> bool {
        matches!(self, Kind::Strikes | Kind::Sorties | Kind::Targets)
    }
}

/// What a control event says a party did to a place (the `action` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Captured,
    Withdrew,
    Holds,
    Advanced,
    Fighting,
}

impl Action {
    /// Every action, in the model's order.
    pub const ALL: [Action; 5] = [
        Action::Captured,
        Action::Withdrew,
        Action::Holds,
        Action::Advanced,
        Action::Fighting,
    ];

    /// The action's name in the model.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Captured => "captured",
            Action::Withdrew => "withdrew",
            Action::Holds => "holds",
            Action::Advanced => "advanced",
            Action::Fighting => "fighting",
        }
    }

    /// The action of a model name.
    pub fn parse(id: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == id)
    }
}

/// Where a row's dates come from (the `date_basis` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DateBasis {
    /// A time expression in the text.
    Stated,
    /// The publication date, as a fallback.
    Article,
    /// No date.
    #[default]
    None,
}

impl DateBasis {
    /// The basis's name in the model.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Stated => "stated",
            DateBasis::Article => "article",
            DateBasis::None => "none",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        assert_eq!(Kind::parse("murdered"), None);
    }
}
