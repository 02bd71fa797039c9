use leptos::prelude::*;

use crate::site_address::use_site_address;
use crate::words::use_words;
use clinic_content::words::Word;

/// A version of the page in one language, as the language list links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageLink {
    /// Its language, a BCP 47 tag.
    pub lang: String,
    /// Its language's name in that language ("Español").
    pub name: String,
    /// Its address, relative to the site's base.
    pub path: String,
    /// Whether it is the page shown.
    pub current: bool,
}

/// The page in its other languages (an article's translations, a list's lists in other
/// languages), each named in its own language ("English", "Español", "العربية") and marked
/// with it, so a screen reader speaks each name in its language's voice; the page's own is
/// the current one. Nothing for a page in one language only.
#[component]
pub fn LanguageList(links: Vec<LanguageLink>) -> impl IntoView {
    let base = use_site_address().base;
    let name = use_words().text(Word::Languages);
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|link| {
                view! {
                    <li>
                        <a
                            href=format!("{base}{}", link.path)
                            hreflang=link.lang.clone()
                            lang=link.lang
                            aria-current=link.current.then_some("page")
                        >
                            {link.name}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="language-list" aria-label=name>
                <ul>{items}</ul>
            </nav>
        }
    })
}
