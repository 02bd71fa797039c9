use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{AnnouncementBanner, SectionLink, SiteFooter, SiteHeader};
use crate::content::outline::MAIN_ID;
use crate::content::SiteSettings;

/// The frame every page shares: skip link, announcement, header, the page's main content and
/// the footer. It also makes the site settings available to the components inside.
#[component]
pub fn SiteLayout(site: Arc<SiteSettings>, children: Children) -> impl IntoView {
    provide_context(site.clone());
    view! {
        <p class="skip-link">
            <SectionLink id=MAIN_ID.to_string()>"Skip to main content"</SectionLink>
        </p>
        <AnnouncementBanner site=site.clone() />
        <SiteHeader site=site.clone() />
        <main id=MAIN_ID tabindex="-1">{children()}</main>
        <SiteFooter site />
    }
}
