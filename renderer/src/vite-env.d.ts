// Vite's client types for the renderer: lets main.tsx import its stylesheet.
/// <reference types="vite/client" />
