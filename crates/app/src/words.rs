//! The interface's words in the page's language, as every component reads them: the page
//! provides its table (`clinic_content::words`) as context.

use std::sync::Arc;

use leptos::prelude::expect_context;

use clinic_content::words::Words;

/// The words of the page being shown. Every page provides them (`crate::pages::PageView`).
pub fn use_words() -> Arc<Words> {
    expect_context::<Arc<Words>>()
}
