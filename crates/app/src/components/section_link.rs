use leptos::prelude::*;

use crate::navigation::{go_to, Jump};
use crate::prefs::use_reading_settings;
use crate::site_address::use_site_address;

/// A link to a section of this page: jumps there (smoothly unless the reader asked for reduced
/// motion), records it in the address and moves focus to it. Marked `aria-current="location"`
/// while its section is the one being read.
#[component]
pub fn SectionLink(
    id: String,
    /// The id of the section being read, when this link is part of a scroll-spy.
    #[prop(optional)]
    current: Option<RwSignal<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let reduced_motion = use_reading_settings().reduce_motion();
    let href = format!("{}#{id}", use_site_address().page);
    let is_current = {
        let id = id.clone();
        move || current.is_some_and(|current| current.with(|c| c.as_deref() == Some(&id)))
    };
    view! {
        <a
            href=href
            aria-current=move || is_current().then_some("location")
            on:click=move |event| {
                let jump = Jump {
                    smooth: !reduced_motion.get_untracked(),
                    record: true,
                };
                if go_to(&id, jump) {
                    event.prevent_default();
                }
            }
        >
            {children()}
        </a>
    }
}
