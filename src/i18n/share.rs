//! The strings of sharing a view: the session file. A table of its own next to
//! [`super::Texts`], reached with [`Lang::share`].

use super::Lang;

/// The sharing strings in one language.
#[derive(Debug)]
pub struct ShareTexts {
    /// The "Save session" button.
    pub save_session: &'static str,
    /// What the session file is, under the button.
    pub save_session_hint: &'static str,
}

/// Finnish.
pub static FI: ShareTexts = ShareTexts {
    save_session: "Tallenna istunto",
    save_session_hint: "Tiedostot ja näkymä yhtenä JSON-tiedostona. Pudota se tyhjälle \
                        sivulle, niin sama näkymä palaa.",
};

/// English.
pub static EN: ShareTexts = ShareTexts {
    save_session: "Save session",
    save_session_hint: "The files and the view as one JSON file. Drop it into an empty page \
                        to get the same view back.",
};

/// Swedish.
pub static SV: ShareTexts = ShareTexts {
    save_session: "Spara sessionen",
    save_session_hint: "Filerna och vyn som en JSON-fil. Släpp den på en tom sida, så \
                        kommer samma vy tillbaka.",
};

impl Lang {
    /// The sharing strings in this language.
    pub fn share(self) -> &'static ShareTexts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}
