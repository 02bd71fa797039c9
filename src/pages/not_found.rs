use std::sync::Arc;

use leptos::prelude::*;

use crate::components::SiteLayout;
use crate::content::SiteSettings;
use crate::pages::head::{set_document_head, HeadTag};
use crate::site_address::base_path;

/// An address that matches no page.
#[component]
pub fn NotFoundPage(site: Arc<SiteSettings>) -> impl IntoView {
    set_document_head(
        &format!("Page not found | {}", site.clinic_name),
        vec![HeadTag::named("robots", "noindex")],
    );
    view! {
        <SiteLayout site>
            <div class="not-found">
                <h1>"Page not found"</h1>
                <p>"We could not find the page you were looking for. It may have moved."</p>
                <p>
                    <a href=base_path()>"Go to the home page"</a>
                </p>
            </div>
        </SiteLayout>
    }
}
