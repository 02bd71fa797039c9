use std::sync::Arc;

use leptos::prelude::*;

use crate::content::SiteSettings;

/// The clinic's name and the note that the article is not medical advice.
#[component]
pub fn SiteFooter(site: Arc<SiteSettings>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="footer-clinic">{site.clinic_name.clone()}</p>
            <p class="footer-disclaimer">{site.disclaimer.clone()}</p>
        </footer>
    }
}
