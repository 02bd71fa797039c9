//! The interface's words in the page's language, as every component reads them: the page
//! provides its table (`clinic_content::words`) as context.

use std::sync::Arc;

use leptos::prelude::{expect_context, use_context};

use clinic_content::language::DEFAULT_LANGUAGE;
use clinic_content::words::Words;

/// The words of the page being shown. Every page provides them (`crate::pages::PageView`).
pub fn use_words() -> Arc<Words> {
    expect_context::<Arc<Words>>()
}

/// The language of the page being shown, a BCP 47 tag: every page provides it beside its
/// words (`crate::pages::PageView`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLanguage(pub String);

/// The page's language; the default language outside a page.
pub fn use_page_language() -> String {
    use_context::<PageLanguage>()
        .map_or_else(|| DEFAULT_LANGUAGE.to_string(), |language| language.0)
}
