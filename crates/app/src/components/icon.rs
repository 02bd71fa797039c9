use leptos::prelude::*;

/// What an icon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconKind {
    /// A magnifying glass: search.
    Search,
    /// An open book: the health library.
    Library,
    /// A calendar: booking a visit.
    Book,
    /// A telephone handset: calling the clinic.
    Call,
}

impl IconKind {
    fn path(self) -> &'static str {
        match self {
            IconKind::Search => {
                "M10 3a7 7 0 1 0 4.2 12.6l5.1 5.1 1.4-1.4-5.1-5.1A7 7 0 0 0 10 3zm0 2a5 5 0 1 1 \
                 0 10 5 5 0 0 1 0-10z"
            }
            IconKind::Library => {
                "M3 5c2.6-.9 5.6-.6 8 1v14c-2.4-1.6-5.4-1.9-8-1zm18 0c-2.6-.9-5.6-.6-8 1v14c2.4-\
                 1.6 5.4-1.9 8-1z"
            }
            IconKind::Book => "M7 2h2v2h6V2h2v2h3v18H4V4h3zM6 10v10h12V10zm2 2h3v3H8z",
            IconKind::Call => {
                "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25c1.1.37 2.3.57 3.6.57a1 1 \
                 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 \
                 2.45.57 3.57a1 1 0 0 1-.25 1z"
            }
        }
    }
}

/// A small picture beside a control's words (or, on a phone, in their place), drawn in the
/// text's colour so it follows every colour mode. Hidden from assistive technology, which
/// reads the words.
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=kind.path() />
        </svg>
    }
}
