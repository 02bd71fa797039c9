//! The interface's words in the page's language, as every component reads them: the page
//! provides its table (`clinic_content::words`) as context.

use std::sync::Arc;

use leptos::prelude::{expect_context, use_context};

use clinic_content::language::{direction, same_language, DEFAULT_LANGUAGE};
use clinic_content::library::ListLanguage;
use clinic_content::words::Words;
use clinic_content::{SiteSettings, SiteTexts};

/// The words of the page being shown. Every page provides them (`crate::pages::PageView`).
pub fn use_words() -> Arc<Words> {
    expect_context::<Arc<Words>>()
}

/// The language of the page being shown: every page provides it beside its words
/// (`crate::pages::PageView`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLanguage {
    /// A BCP 47 tag.
    pub tag: String,
    /// The lists of articles in it, which the page links to.
    pub lists: ListLanguage,
}

/// The page's language; the default language and the site's lists outside a page.
pub fn use_page_language() -> PageLanguage {
    use_context::<PageLanguage>().unwrap_or_else(|| PageLanguage {
        tag: DEFAULT_LANGUAGE.to_string(),
        lists: ListLanguage::default(),
    })
}

/// The language and direction of one of the clinic's texts (the one `given` says a
/// [`SiteTexts`] has) where it is not the page's: the site's own text on a page in another
/// language, so that a screen reader speaks it in its language and its punctuation sits
/// where it belongs.
pub fn language_apart(
    site: &SiteSettings,
    given: impl Fn(&SiteTexts) -> bool,
) -> (Option<String>, Option<&'static str>) {
    let page = use_page_language().tag;
    let text = site.language_of_text(&page, given);
    if same_language(text, &page) {
        (None, None)
    } else {
        (Some(text.to_string()), Some(direction(text).as_html()))
    }
}
