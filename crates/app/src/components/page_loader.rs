use leptos::prelude::*;

use clinic_content::words::Word;

use crate::words::use_words;

/// Shown while content loads. The same markup as the loader in `index.html`, so the swap from
/// one to the other does not move anything.
#[component]
pub fn PageLoader() -> impl IntoView {
    let words = use_words();
    view! {
        <div class="page-loader" role="status">
            <span class="page-loader-spinner" aria-hidden="true"></span>
            <span class="page-loader-text">{words.text(Word::Loading)}</span>
        </div>
    }
}
