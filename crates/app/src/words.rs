//! The interface's words in the page's language, as every component reads them: the page
//! provides its table (`clinic_content::words`) as context.

use std::sync::Arc;

use leptos::prelude::{expect_context, use_context};

use clinic_content::language::DEFAULT_LANGUAGE;
use clinic_content::library::ListLanguage;
use clinic_content::words::Words;

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
