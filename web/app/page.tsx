import { HealthPanel } from "@/components/HealthPanel";

const capabilities = [
  {
    title: "Analyze",
    body: "Upload a dance video and get the dancer's pose in every frame, the movements they make, the rhythm they follow, and a skeleton overlay on the video.",
  },
  {
    title: "Choreograph",
    body: "Give it a song and get a dance built from real, analyzed moves, timed to the music's beat.",
  },
  {
    title: "Animate",
    body: "Bring a photo to life: make the person in it perform any dance that has been analyzed.",
  },
] as const;

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section className="max-w-3xl">
        <h1 className="text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
          An open platform for dance video
        </h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">
          DanceAspire reads how people dance, writes new dances for any song, and animates
          a single photo with a dance it has seen.
        </p>
      </section>

      <section aria-label="What DanceAspire does" className="grid gap-4 sm:grid-cols-3">
        {capabilities.map((item) => (
          <article key={item.title} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-base font-semibold text-slate-900">{item.title}</h2>
            <p className="mt-2 text-sm leading-relaxed text-slate-700">{item.body}</p>
          </article>
        ))}
      </section>

      <div className="max-w-xl">
        <HealthPanel />
      </div>
    </div>
  );
}
