// The bundle is copied into /assets by the build (see vite.config.js) and defines window.Redoc.
const script = document.createElement("script");
script.src = "/assets/redoc.standalone.js";
script.onload = () => window.Redoc.init("/openapi.json", {}, document.getElementById("redoc"));
document.head.append(script);
