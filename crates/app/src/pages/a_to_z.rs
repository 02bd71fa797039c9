use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{Breadcrumbs, PageNumbers, SiteLayout};
use crate::first_paint::FirstScreen;
use crate::pages::head::{a_to_z_head, a_to_z_name, set_document_head};
use crate::site_address::use_site_address;
use crate::words::use_words;
use clinic_content::library::a_to_z_path;
use clinic_content::words::Word;
use clinic_content::{article_path, AtoZList, SiteSettings};

/// The A to Z: a link for each letter that has names (the one shown marked as current), and
/// on a letter's page every article and other name under it, each a link to its article.
#[component]
pub fn AtoZPage(site: Arc<SiteSettings>, list: Arc<AtoZList>) -> impl IntoView {
    let words = use_words();
    set_document_head(a_to_z_head(&site, &list, &words));
    let base = use_site_address().base;
    let heading = a_to_z_name(&list, &words);
    // Rendered again each time the first screen is (it comes to life in a task of its own).
    let letters_list = list.clone();
    let letters_base = base.clone();
    let letters = move || {
        let base = &letters_base;
        letters_list
        .letters
        .iter()
        .map(|letter| {
            let item = if letter.count == 0 {
                // Not a link: nothing is under it.
                view! { <span class="a-to-z-none">{letter.label.clone()}</span> }.into_any()
            } else {
                let current =
                    (letters_list.letter.as_ref() == Some(&letter.slug)).then_some("page");
                view! {
                    <a href=format!("{base}{}", a_to_z_path(Some(&letter.slug), 1)) aria-current=current>
                        {letter.label.clone()}
                    </a>
                }
                .into_any()
            };
            view! { <li>{item}</li> }
        })
        .collect_view()
    };
    let entries = list
        .entries
        .iter()
        .map(|entry| {
            let see = entry.see.as_ref().map(|title| {
                let see = words.filled(Word::SeeTitle, &[("title", title)]);
                view! { <span class="a-to-z-see">{see}</span> }
            });
            view! {
                <li>
                    <a href=format!("{base}{}", article_path(&entry.slug))>{entry.name.clone()}</a>
                    {see}
                </li>
            }
        })
        .collect_view();
    let paths: Vec<String> = (1..=list.pages).map(|page| list.path_of(page)).collect();
    let body = match list.letter {
        Some(_) => view! {
            <ul class="a-to-z-entries">{entries}</ul>
            <PageNumbers page=list.page paths />
        }
        .into_any(),
        None => view! {
            <p>{words.text(Word::AToZIntro)}</p>
        }
        .into_any(),
    };
    view! {
        <SiteLayout site>
            <div class="library">
                <FirstScreen>
                    <Breadcrumbs trail=list.trail(&words) />
                    <h1>{heading.clone()}</h1>
                    <nav class="a-to-z-letters" aria-label=words.text(Word::Letters)>
                        <ul>{letters.clone()}</ul>
                    </nav>
                </FirstScreen>
                {body}
            </div>
        </SiteLayout>
    }
}
