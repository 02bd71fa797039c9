use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::words::{split_template, Word};
use clinic_content::Person;

/// Who wrote the article and who checked it medically, each with their credentials; nothing
/// when the article names neither.
#[component]
pub fn Byline(author: Option<Person>, reviewer: Option<Person>) -> impl IntoView {
    let words = use_words();
    let credits: Vec<(String, Person)> = [
        (words.text(Word::WrittenBy), author),
        (words.text(Word::MedicallyReviewedBy), reviewer),
    ]
    .into_iter()
    .filter_map(|(label, person)| Some((label, person?)))
    .collect();
    (!credits.is_empty()).then(|| {
        let items = credits
            .into_iter()
            .enumerate()
            .map(|(position, (label, person))| {
                let photo = person.photo.clone().map(|photo| {
                    // The name beside it says who it is.
                    view! {
                        <img class="byline-photo" src=photo alt="" width="48" height="48" decoding="async" />
                    }
                });
                let name = match person.profile_url.clone() {
                    Some(href) => view! { <a href=href>{person.name.clone()}</a> }.into_any(),
                    None => view! { <span>{person.name.clone()}</span> }.into_any(),
                };
                let credentials = person.credentials.clone().map(|c| format!(", {c}"));
                let (before, after) = split_template(&label, "name");
                view! {
                    {(position > 0).then(|| view! { <span class="byline-separator" aria-hidden="true">" · "</span> })}
                    <span class="byline-credit">
                        {photo}
                        <span>{before}{name}{credentials}{after}</span>
                    </span>
                }
            })
            .collect_view();
        view! { <p class="byline">{items}</p> }
    })
}
