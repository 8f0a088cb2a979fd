// Material for MkDocs' own inline helper (partials/javascripts/base.html), as a file so the
// Content-Security-Policy can forbid inline scripts. The scope is the site's root: this file
// sits in assets/, one level below it.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
