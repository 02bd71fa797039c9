use std::sync::Arc;

use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::words::Word;
use clinic_content::SiteSettings;

/// The clinic as the publisher of every page: its name, address and phone number, and its
/// editorial policy when it has one.
#[component]
pub fn SiteFooter(site: Arc<SiteSettings>) -> impl IntoView {
    let address = site.address.clone().map(|address| {
        let region = address
            .region
            .map(|region| format!(", {region}"))
            .unwrap_or_default();
        view! {
            <span class="footer-street">{address.street}</span>
            <span>{format!("{}{region} {}", address.locality, address.postal_code)}</span>
        }
    });
    let policy = site.editorial_policy_url.clone().map(|href| {
        view! {
            <p class="footer-policy">
                <a href=href>{use_words().text(Word::EditorialPolicy)}</a>
            </p>
        }
    });
    view! {
        <footer class="site-footer">
            <h2 class="footer-clinic">{site.clinic_name.clone()}</h2>
            <address class="footer-address">
                {address}
                <a href=site.phone_href()>{site.phone.display.clone()}</a>
            </address>
            {policy}
        </footer>
    }
}
