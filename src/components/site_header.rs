use std::sync::Arc;

use leptos::prelude::*;

use crate::content::SiteSettings;
use crate::pages::route::base_path;

/// The clinic's name and its two actions: booking and calling.
#[component]
pub fn SiteHeader(site: Arc<SiteSettings>) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="site-name" href=base_path()>{site.clinic_name.clone()}</a>
            <div class="site-actions">
                <a class="action action-primary" href=site.booking_url.clone()>"Book Now"</a>
                <a class="action" href=site.phone_href()>
                    "Call Us "
                    <span class="action-detail">{site.phone.display.clone()}</span>
                </a>
            </div>
        </header>
    }
}
