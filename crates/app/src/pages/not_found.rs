use std::sync::Arc;

use leptos::prelude::*;

use crate::components::SiteLayout;
use crate::pages::head::{not_found_head, set_document_head};
use crate::site_address::use_site_address;
use clinic_content::SiteSettings;

/// An address that matches no page.
#[component]
pub fn NotFoundPage(site: Arc<SiteSettings>) -> impl IntoView {
    set_document_head(not_found_head(&site));
    view! {
        <SiteLayout site>
            <div class="not-found">
                <h1>"Page not found"</h1>
                <p>"We could not find the page you were looking for. It may have moved."</p>
                <p>
                    <a href=use_site_address().base>"Go to the home page"</a>
                </p>
            </div>
        </SiteLayout>
    }
}
