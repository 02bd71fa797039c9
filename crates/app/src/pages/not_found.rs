use std::sync::Arc;

use leptos::prelude::*;

use crate::components::SiteLayout;
use crate::pages::head::{not_found_head, set_document_head};
use crate::site_address::use_site_address;
use crate::words::use_words;
use clinic_content::words::Word;
use clinic_content::SiteSettings;

/// An address that matches no page.
#[component]
pub fn NotFoundPage(site: Arc<SiteSettings>) -> impl IntoView {
    let words = use_words();
    set_document_head(not_found_head(&site, &words));
    view! {
        <SiteLayout site>
            <div class="not-found">
                <h1>{words.text(Word::PageNotFound)}</h1>
                <p>{words.text(Word::PageNotFoundText)}</p>
                <p>
                    <a href=use_site_address().base>{words.text(Word::GoHome)}</a>
                </p>
            </div>
        </SiteLayout>
    }
}
