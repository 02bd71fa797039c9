use leptos::prelude::*;

use crate::components::DatedWords;
use crate::words::use_words;
use clinic_content::review::today;
use clinic_content::words::Word;
use clinic_content::ReviewDates;

/// Says plainly that the article's review date has passed, so the reader weighs it
/// accordingly. Rendered to HTML, it reflects the day of the build; in the browser it is
/// checked against the reader's date once the page is live, so a page built before its review
/// fell due still shows it.
#[component]
pub fn ReviewOverdueNotice(dates: ReviewDates) -> impl IntoView {
    let due = dates.next_due.clone()?;
    // The browser starts from "not overdue", as a page built before the date was rendered: an
    // adopted page keeps its nodes, and the effect below then shows the notice.
    let overdue = RwSignal::new(!cfg!(target_arch = "wasm32") && dates.overdue_on(&today()));
    Effect::new(move || overdue.set(dates.overdue_on(&today())));
    let words = use_words();
    Some(view! {
        <p class="review-overdue" hidden=move || !overdue.get()>
            <strong>{words.text(Word::OverdueTitle)}</strong>
            " "
            <DatedWords template=words.text(Word::OverdueDetail) iso=due />
        </p>
    })
}
