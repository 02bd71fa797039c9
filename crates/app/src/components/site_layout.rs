use std::sync::Arc;

use leptos::html::A;
use leptos::prelude::*;

use crate::components::{AnnouncementBanner, OfflineNotice, SectionLink, SiteFooter, SiteHeader};
use crate::first_paint::{use_page_busy, AfterFirstPaint, FirstScreen};
use crate::words::use_words;
use clinic_content::ids::MAIN_ID;
use clinic_content::words::Word;
use clinic_content::SiteSettings;

/// Where focus goes when the announcement above the header is closed: the first link of the
/// header, the next thing a keyboard reader would reach. The header fills it in.
#[derive(Clone, Copy)]
pub struct AfterAnnouncement(pub NodeRef<A>);

/// The frame every page shares: skip link, announcement, header, the page's main content and
/// the footer. It also makes the site settings available to the components inside.
#[component]
pub fn SiteLayout(site: Arc<SiteSettings>, children: Children) -> impl IntoView {
    provide_context(site.clone());
    provide_context(AfterAnnouncement(NodeRef::new()));
    let busy = use_page_busy();
    let skip = use_words().text(Word::SkipToMainContent);
    let (banner_site, header_site) = (site.clone(), site.clone());
    view! {
        <p class="skip-link">
            <SectionLink id=MAIN_ID.to_string()>{skip}</SectionLink>
        </p>
        <FirstScreen>
            <AnnouncementBanner site=banner_site.clone() />
        </FirstScreen>
        <FirstScreen>
            <SiteHeader site=header_site.clone() />
        </FirstScreen>
        <OfflineNotice />
        // Busy while the parts after the first paint are still being added.
        <main id=MAIN_ID tabindex="-1" aria-busy=move || busy.get().then_some("true")>
            {children()}
        </main>
        // Below everything else, so it comes last: nothing it would push down is built after it.
        <AfterFirstPaint>
            <SiteFooter site=site.clone() />
        </AfterFirstPaint>
    }
}
