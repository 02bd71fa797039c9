use std::sync::Arc;

use leptos::prelude::*;

use crate::site_address::use_site_address;
use crate::words::use_words;
use clinic_content::article_path;
use clinic_content::language::Translations;
use clinic_content::words::Word;

/// The article's versions in other languages, each named in its own language ("English",
/// "Español", "العربية") and marked with it, so a screen reader speaks each name in its
/// language's voice; the page's own version is the current one. Nothing for an article
/// without translations.
#[component]
pub fn LanguageList(translations: Arc<Translations>, slug: String) -> impl IntoView {
    let base = use_site_address().base;
    let name = use_words().text(Word::Languages);
    (!translations.versions.is_empty()).then(|| {
        let items = translations
            .versions
            .iter()
            .map(|version| {
                let current = (version.slug == slug).then_some("page");
                view! {
                    <li>
                        <a
                            href=format!("{base}{}", article_path(&version.slug))
                            hreflang=version.lang.clone()
                            lang=version.lang.clone()
                            aria-current=current
                        >
                            {version.language_name.clone()}
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
